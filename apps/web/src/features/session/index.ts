/** What other features may use of sign-in: who is signed in and what their role allows. */
export { useCan, useSession } from './session';
