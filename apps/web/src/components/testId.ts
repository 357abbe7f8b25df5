import type { ButtonProps } from 'antd';

/** `data-testid` for antd props objects such as Modal's okButtonProps (JSX-only attributes otherwise). */
export function buttonTestId(id: string): ButtonProps {
  return { 'data-testid': id } as ButtonProps;
}
