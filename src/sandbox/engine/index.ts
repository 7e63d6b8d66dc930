/** DOM-free sandbox logic shared by the browser sandbox and `iamport-sandbox`. */
export * from './fixtures';
export * from './messages';
export * from './random';
export * from './cards';
export * from './payment';
export * from './response';
export * from './faults';
export * from './channels';
export * from './device';
