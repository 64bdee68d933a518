// One string per person, for the in-memory fakes' maps.
import type { UserKey } from '../../src/store/users.js';

export const keyOf = (k: UserKey) => `${k.platform}\u0000${k.workspaceId}\u0000${k.userId}`;
