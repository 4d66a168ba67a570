import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or a link: 256 bits, URL-safe. */
export const randomToken = () => randomBytes(32).toString('base64url');

/** We store only hashes of secrets, so a database copy gives no working links or sessions. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
