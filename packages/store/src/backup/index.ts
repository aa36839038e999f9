export { dumpDatabase } from './dump';
export { restoreDatabase, assertEmpty, type RestoreResult } from './restore';
export { verifyBackup } from './read-backup';
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './format';
export { startControlSocket, requestBackup, controlSocketPath, CONTROL_SOCKET, type ControlSocket } from './control-socket';
export { restoreBackup } from './restore-backup';
