/** What other features may use of sign-in: who is signed in, what their role allows, and the year they work in. */
export { useCan, useSession } from './session';
export { useYear } from './year';
export { YearSwitch } from './components/year-switch';
