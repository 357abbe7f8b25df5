export * from './roles.ts';
export * from './regions.ts';
export * from './password.ts';
export * from './contracts.ts';
