export * from './roles.ts';
export * from './regions.ts';
export * from './password.ts';
export * from './contracts.ts';
export * from './idcard.ts';
export * from './grids.ts';
export * from './people.ts';
