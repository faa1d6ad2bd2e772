// What the second-factor routes share: the sealing key and the code throttle, read once at start
// (a bad BAKEN_SECRET_KEY or LOGIN_BACKOFF_* stops the server, as the login does).
import { loginThrottleFromEnv, secretKeyFromEnv } from '@baken/domain'

export const mfaSecretKey = secretKeyFromEnv()
export const codeThrottle = loginThrottleFromEnv()
