import { Select } from 'antd';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useRegions } from '../regions/api.ts';

export interface RegionChoice {
  value: string;
  label: string;
  path: string;
}

/**
 * The villages and townships a team or activity may belong to: the centre picks among its area's (it
 * reads the region list); a village cadre has their own village only (they do not read regions).
 */
export function useRegionChoices(): { choices: RegionChoice[]; nameOf: (path: string) => string } {
  const can = useCan();
  const user = useCurrentUser();
  const regions = useRegions(can('region.read'));
  const all = regions.data ?? [];
  const choices = all.length
    ? all
        .filter((r) => r.level === 'village' || r.level === 'township')
        .map((r) => ({ value: r.id, label: r.name, path: r.path }))
    : [{ value: user.region.id, label: user.region.name, path: '' }];
  const names = new Map(all.map((r) => [r.path, r.name]));
  return { choices, nameOf: (path) => names.get(path) ?? (all.length ? path : user.region.name) };
}

/** A form field choosing one of the choices (antd Form passes value and onChange). */
export function RegionField(props: {
  value?: string;
  onChange?: (v: string) => void;
  choices: RegionChoice[];
  testId: string;
}) {
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      options={props.choices}
      showSearch={{ optionFilterProp: 'label' }}
      disabled={props.choices.length < 2}
      data-testid={props.testId}
    />
  );
}
