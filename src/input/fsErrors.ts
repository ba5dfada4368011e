/** What a file-system error means, and what to do about it, when reading an input or writing an output. */
interface ErrnoWords {
  reason: string;
  read?: string;
  write?: string;
}

const WORDS: Record<string, ErrnoWords> = {
  ENOENT: { reason: 'no such file', read: 'check its name and folder' },
  EACCES: {
    reason: 'permission denied',
    read: 'make the file readable to you',
    write: 'choose a folder you can write to with -o, or change its permissions',
  },
  EPERM: {
    reason: 'the operation is not permitted (on Windows: the file may be open in another program, such as PowerPoint)',
    read: 'close the program that holds it and try again',
    write: 'close the file in PowerPoint (or the program holding it) and build again, or choose another folder with -o',
  },
  EBUSY: {
    reason: 'the file is in use by another program (is it open in PowerPoint?)',
    read: 'close it and try again',
    write: 'close it and build again',
  },
  EROFS: { reason: 'the disk is read-only', write: 'choose another output folder with -o' },
  ENOSPC: { reason: 'the disk is full', write: 'free some space, or choose an output folder on another disk with -o' },
  EDQUOT: { reason: 'your disk quota is used up', write: 'free some space, or choose an output folder on another disk with -o' },
  EEXIST: { reason: 'a file of that name is in the way', write: 'move that file, or choose another output folder with -o' },
  EISDIR: { reason: 'it is a folder, not a file', read: 'name a file', write: 'move that folder, or choose another output folder with -o' },
  ENOTDIR: {
    reason: 'a part of the path is a file, not a folder',
    read: 'check the path',
    write: 'name a folder with -o, not a file',
  },
  ENOTEMPTY: { reason: 'a folder of that name is in the way', write: 'move that folder, or choose another output folder with -o' },
  ENAMETOOLONG: { reason: 'the path is too long', read: 'use shorter file and folder names', write: 'use a shorter name or output folder' },
  EXDEV: { reason: 'the file cannot be moved to another disk', write: 'choose an output folder on the same disk' },
  ELOOP: { reason: 'a symbolic link points to itself', read: 'fix or remove the link', write: 'fix or remove the link' },
  EMFILE: { reason: 'too many files are open', read: 'close some programs and try again', write: 'close some programs and try again' },
  ENFILE: { reason: 'too many files are open', read: 'close some programs and try again', write: 'close some programs and try again' },
  EIO: { reason: 'the disk reported an error', read: 'check the disk', write: 'check the disk, or choose another output folder with -o' },
};

/** The errno code of a Node.js file-system error, if it is one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** A file-system error in words a teacher understands, with what to do when lectern knows: "the disk is full; free some space, ...". */
export function describeFsError(error: unknown, action: 'read' | 'write' = 'read'): string {
  const code = errnoOf(error);
  const words = code ? WORDS[code] : undefined;
  if (!words) return code ? `${code} (${firstLine(error)})` : firstLine(error);
  const todo = words[action];
  return todo ? `${words.reason}; ${todo}` : words.reason;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
