/**
 * Password policy: at least 8 characters and at least 3 of the 4 classes
 * (lower case, upper case, digit, other). Returns a Chinese reason or null.
 */
export function checkPasswordPolicy(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类';
  return null;
}
