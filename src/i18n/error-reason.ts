/** A failed file-system call or write, said in words in the interface language. */
import type { Translate } from './translate.js';

const KNOWN = ['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EBADF', 'EAGAIN', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EBUSY', 'ENOENT', 'ELOOP', 'EEXIST'] as const;

/** "the disk is full (ENOSPC)"; an unusual code as "the system refused (CODE)". */
export function errorReason(cause: unknown, t: Translate): string {
  const raw = (cause as NodeJS.ErrnoException | undefined)?.code;
  const code = typeof raw === 'string' ? raw.replace(/[^A-Z0-9_]/g, '') : '';
  if ((KNOWN as readonly string[]).includes(code)) return t(`safety.reason.${code}` as 'safety.reason.EIO');
  return t('safety.reason.other', { code: code || 'EIO' });
}
