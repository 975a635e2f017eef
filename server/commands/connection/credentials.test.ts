// The default user's credentials derived from requirepass.
import { expect } from 'chai';
import { Config } from '../../config/config.js';
import { authenticatedByDefault, checkCredentials, userExists } from './credentials.js';

function config(requirepass: string): Config {
  const c = new Config();
  expect(c.setInitial('requirepass', [requirepass])).to.equal(null);
  return c;
}

describe('default user credentials', () => {
  it('without requirepass the default user takes any password, and connections start authenticated', () => {
    const c = config('');
    expect(checkCredentials(c, Buffer.from('default'), Buffer.from('anything'))).to.equal(true);
    expect(checkCredentials(c, Buffer.from('other'), Buffer.from('anything'))).to.equal(false);
    expect(authenticatedByDefault(c)).to.equal(true);
  });

  it('with requirepass only that password is accepted, for the default user only', () => {
    const c = config('s3cret');
    expect(checkCredentials(c, Buffer.from('default'), Buffer.from('s3cret'))).to.equal(true);
    expect(checkCredentials(c, Buffer.from('default'), Buffer.from('s3cre'))).to.equal(false);
    expect(checkCredentials(c, Buffer.from('DEFAULT'), Buffer.from('s3cret'))).to.equal(false);
    expect(authenticatedByDefault(c)).to.equal(false);
  });

  it('default is the only user', () => {
    expect(userExists('default')).to.equal(true);
    expect(userExists('admin')).to.equal(false);
  });
});
