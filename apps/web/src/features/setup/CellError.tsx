import { Typography } from 'antd';

/** A validation message under a table cell or a list (the server's Chinese text, or a local one). */
export function CellError({ message, testId }: { message: string | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <Typography.Text
      type="danger"
      style={{ display: 'block', fontSize: 12, lineHeight: 1.4, marginTop: 2 }}
      data-testid={testId}
    >
      {message}
    </Typography.Text>
  );
}
