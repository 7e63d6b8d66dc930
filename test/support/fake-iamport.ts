// The repo's tests use the public test double, through the package entry merchants import.
export { createFakeIamport, type FakeIamport, type FakeIamportOptions } from 'react-iamport-jtnet/testing';
