import type { FormRule } from 'antd';
import { checkPasswordPolicy } from '@gewu/domain';
import i18n from '../i18n/index.ts';

/**
 * The server's password policy, checked before sending. The domain gives Chinese reasons;
 * other languages get the translated summary of the policy.
 */
export const passwordPolicyRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const reason = checkPasswordPolicy(value);
    if (reason) throw new Error(i18n.language === 'zh-CN' ? reason : i18n.t('account.policy'));
  },
};
