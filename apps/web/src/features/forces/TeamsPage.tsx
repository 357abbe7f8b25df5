import { useState } from 'react';
import { Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEAM_KINDS, type TeamKind } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { buttonTestId } from '../../components/testId.ts';
import { RevealDialog } from '../people/RevealDialog.tsx';
import {
  type MemberView,
  type TeamView,
  useAddMember,
  useMembers,
  useRemoveMember,
  useSaveTeam,
  useTeams,
} from './api.ts';
import { RegionField, useRegionChoices } from './regions.tsx';
import { NS } from './i18n.ts';

interface TeamValues {
  regionId: string;
  kind: TeamKind;
  name: string;
}

/** 新建队伍 / 编辑队伍: the area (new teams only), the kind and the name. */
function TeamDialog({ team, onClose }: { team: TeamView | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const { choices } = useRegionChoices();
  const save = useSaveTeam();
  const [form] = Form.useForm<TeamValues>();
  const submit = async (v: TeamValues) => {
    try {
      await save.mutateAsync({ ...v, id: team?.id });
      notifySuccess(t('saved'));
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Modal
      open
      title={t(team ? 'teams.editTitle' : 'teams.newTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('team-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          team ? { kind: team.kind, name: team.name } : { regionId: user.region.id, kind: 'patrol_team' as TeamKind }
        }
      >
        {!team && (
          <Form.Item name="regionId" label={t('regionLabel')} rules={[{ required: true }]}>
            <RegionField choices={choices} testId="team-region" />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('teams.kind')} rules={[{ required: true }]}>
          <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="team-kind" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('teams.name')}
          rules={[{ required: true, whitespace: true, message: t('teams.nameRule') }]}
        >
          <Input maxLength={64} data-testid="team-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface MemberValues {
  name: string;
  duty?: string;
  phone?: string;
  idNumber?: string;
}
const blankToUndefined = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** A team's members, masked; the centre reveals a number (audited, with a reason); managers add and remove. */
function MembersDrawer({ team, onClose }: { team: TeamView; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const can = useCan();
  const manage = can('forces.manage');
  const members = useMembers(team.id);
  const add = useAddMember();
  const remove = useRemoveMember();
  const [form] = Form.useForm<MemberValues>();
  const [revealing, setRevealing] = useState<{ id: string; field: 'phone' | 'idNumber' } | null>(null);

  const submit = async (v: MemberValues) => {
    try {
      await add.mutateAsync({
        teamId: team.id,
        name: v.name.trim(),
        duty: blankToUndefined(v.duty),
        phone: blankToUndefined(v.phone),
        idNumber: blankToUndefined(v.idNumber),
      });
      notifySuccess(t('members.added'));
      form.resetFields();
    } catch (err) {
      notifyError(err);
    }
  };
  const drop = async (m: MemberView) => {
    try {
      await remove.mutateAsync(m.id);
      notifySuccess(t('members.removed'));
    } catch (err) {
      notifyError(err);
    }
  };
  const number = (m: MemberView, field: 'phone' | 'idNumber') => {
    const masked = field === 'phone' ? m.phoneMasked : m.idMasked;
    if (!masked) return '—';
    return (
      <Space size={4}>
        <Typography.Text code>{masked}</Typography.Text>
        {can('person.reveal') && (
          <Button
            type="link"
            size="small"
            onClick={() => setRevealing({ id: m.id, field })}
            data-testid={`member-reveal-${field}-${m.id}`}
          >
            {t('members.reveal')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Drawer open width={820} title={t('teams.membersOf', { name: team.name })} onClose={onClose} destroyOnHidden>
      {manage && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('members.nameRule') }]}>
            <Input placeholder={t('members.name')} maxLength={64} style={{ width: 110 }} data-testid="member-name" />
          </Form.Item>
          <Form.Item name="duty">
            <Input placeholder={t('members.duty')} maxLength={64} style={{ width: 110 }} data-testid="member-duty" />
          </Form.Item>
          <Form.Item name="phone">
            <Input placeholder={t('members.phone')} maxLength={20} style={{ width: 140 }} data-testid="member-phone" />
          </Form.Item>
          <Form.Item name="idNumber">
            <Input placeholder={t('members.idNumber')} maxLength={18} style={{ width: 190 }} data-testid="member-id" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="member-add">
              {t('members.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<MemberView>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        locale={{ emptyText: t('members.empty') }}
        data-testid="members-table"
        columns={[
          { title: t('members.name'), dataIndex: 'name' },
          { title: t('members.duty'), dataIndex: 'duty', render: (d: string | null) => d ?? '—' },
          { title: t('members.phone'), key: 'phone', render: (_, m) => number(m, 'phone') },
          { title: t('members.idNumber'), key: 'id', render: (_, m) => number(m, 'idNumber') },
          ...(manage
            ? [
                {
                  title: t('teams.actions'),
                  key: 'actions',
                  render: (_: unknown, m: MemberView) => (
                    <Popconfirm
                      title={t('members.removeConfirm', { name: m.name })}
                      onConfirm={() => drop(m)}
                      okButtonProps={buttonTestId('member-remove-ok')}
                    >
                      <Button size="small" danger data-testid={`member-remove-${m.id}`}>
                        {t('members.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {revealing && (
        <RevealDialog
          path={`/api/forces/members/${revealing.id}/reveal`}
          field={revealing.field}
          onClose={() => setRevealing(null)}
        />
      )}
    </Drawer>
  );
}

/** 群防队伍: the area's teams; managers set them up and rename them, and keep their members. */
export function TeamsPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const manage = can('forces.manage');
  const teams = useTeams();
  const { nameOf } = useRegionChoices();
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [open, setOpen] = useState<TeamView | null>(null);

  return (
    <Card
      title={t('teams.title')}
      extra={
        manage && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="team-new">
            {t('teams.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('teams.hint')}</Typography.Paragraph>
      <Table<TeamView>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        loading={teams.isPending}
        dataSource={teams.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="teams-table"
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('teams.name'), dataIndex: 'name' },
          {
            title: t('teams.kind'),
            dataIndex: 'kind',
            render: (k: TeamKind) => <Tag color="blue">{t(`kinds.${k}`)}</Tag>,
          },
          { title: t('teams.region'), dataIndex: 'regionPath', render: (p: string) => nameOf(p) },
          { title: t('teams.members'), dataIndex: 'members', align: 'right' },
          {
            title: t('teams.actions'),
            key: 'actions',
            render: (_, team) => (
              <Space>
                <Button size="small" onClick={() => setOpen(team)} data-testid={`team-members-${team.id}`}>
                  {t('teams.showMembers')}
                </Button>
                {manage && (
                  <Button size="small" onClick={() => setEditing(team)} data-testid={`team-edit-${team.id}`}>
                    {t('teams.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <TeamDialog team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {open && <MembersDrawer team={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
