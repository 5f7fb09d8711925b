/**
 * Events or polling for a folder of answer files. Change events do not cross network shares
 * and virtual-machine folders (NFS, SMB, WSL2's /mnt/c over 9p, VirtualBox, FUSE mounts such
 * as sshfs): a save made on the other side is never announced, so such folders are polled.
 */
import { statfsSync } from 'node:fs';
import type { WatchMode } from './file-watcher.js';

/** Linux file system magic numbers (linux/magic.h) of the file systems described above. */
const unreliable: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x01021997: '9p',
  0x65735546: 'FUSE',
  0x786f4256: 'vboxsf',
};

export interface ModeChoice {
  mode: WatchMode;
  /** Why polling was chosen, in Russian; undefined for events. */
  reason?: string;
}

export function chooseWatchMode(folder: string, poll: boolean,
  statfs: (path: string) => { type: number } = statfsSync,
  platform: NodeJS.Platform = process.platform): ModeChoice {
  if (poll) return { mode: 'poll', reason: 'выбрано параметром --poll' };
  // The numbers above are Linux's; other systems report file systems differently.
  if (platform !== 'linux') return { mode: 'events' };

  let type: number;
  try {
    type = statfs(folder).type >>> 0;
  } catch {
    return { mode: 'events' };
  }

  const name = unreliable[type];
  return name
    ? { mode: 'poll', reason: `папка ответов на файловой системе ${name}, где события ` +
      'об изменениях ненадёжны' }
    : { mode: 'events' };
}
