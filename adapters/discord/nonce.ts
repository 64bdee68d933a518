// Makes a message create idempotent: Discord answers a repeat of the same nonce with the first message.
import { SnowflakeUtil } from 'discord.js';

/**
 * discord.js retries a create that timed out or met a 5xx with the same body; with `enforce_nonce`,
 * Discord then returns the message it already created instead of posting it twice.
 */
export const oncePerSend = () => ({ nonce: SnowflakeUtil.generate().toString(), enforceNonce: true }) as const;
