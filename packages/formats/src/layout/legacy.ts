/**
 * The legacy Office formats (.doc, .xls, and Kingsoft WPS's .wps and .et, which are the same compound files) as a
 * Layout: LibreOffice converts the file to .docx or .xlsx, then the adapters for those read it. Nothing of the old
 * binary formats is parsed here except the compound file's directory, to tell Word from Excel and an encrypted
 * OOXML package (which is also a compound file) from both.
 *
 * Each conversion runs `soffice --headless` with a profile of its own (`-env:UserInstallation`, so two conversions
 * never share LibreOffice's lock) in a fresh temp directory, under a time limit that kills the whole process group
 * (soffice starts soffice.bin as a child), and the directory is removed afterwards whatever happened. The callers
 * already read in a worker thread, so the few seconds LibreOffice takes stay off the request path.
 *
 * soffice is found through JIXIAO_SOFFICE (a path) or on PATH; without it the file is refused saying which packages
 * to install and how to do without them. Never throws.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { readError, type ReadError } from '../errors';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits';
import { isOleCompoundFile } from '../xlsx/zip-directory';
import { readDocxLayout } from './docx';
import type { LayoutResult } from './result';
import { readXlsxLayout } from './xlsx';

/** A conversion that takes longer than this is stuck (a dialog LibreOffice cannot show, a hostile file). */
export const CONVERT_TIMEOUT_MS = 60_000;

export const SOFFICE_PACKAGES = 'libreoffice-writer-nogui libreoffice-calc-nogui';

/** What a compound file holds, by the names in its directory. */
export type OleKind = 'word' | 'excel' | 'encrypted' | 'powerpoint' | 'unknown';

export interface LegacyOptions {
  /** Path of soffice; default JIXIAO_SOFFICE, then `soffice` on PATH. */
  soffice?: string | null;
  timeoutMs?: number;
}

const SAVE_AS = '在 WPS/Word/Excel 中另存为 .docx 或 .xlsx 后再导入';

export async function readLegacyLayout(bytes: Uint8Array, fileName = 'document.doc', limits: ReadLimits = DEFAULT_LIMITS, options: LegacyOptions = {}): Promise<LayoutResult> {
  const fail = (code: ReadError['code'], zh: string, en: string): LayoutResult => ({ ok: false, error: readError(code, fileName, zh, en) });
  const kind = isOleCompoundFile(bytes) ? oleKind(bytes) : 'unknown';
  if (kind === 'encrypted') {
    return fail('cannot-convert', '文件已加密（设置了打开密码）：请去掉密码后再导入', 'an encrypted Office file (EncryptionInfo in the compound file); remove the password');
  }
  if (kind === 'powerpoint') {
    return fail('unsupported-type', '这是 PowerPoint 演示文稿，不是 Word 文档或 Excel 工作簿：请导入 Word、Excel 或 PDF 文件', 'a PowerPoint file, not a document or a workbook');
  }
  const target = kind === 'word' ? 'docx' : kind === 'excel' ? 'xlsx' : targetByExtension(fileName);
  if (!target) {
    return fail('unsupported-type', `无法判断这个旧版 Office 文件是 Word 文档还是 Excel 工作簿：请${SAVE_AS}`, 'a compound file that is neither a Word document nor an Excel workbook');
  }
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) {
    const pointed = process.env.JIXIAO_SOFFICE;
    const where = pointed ? `（JIXIAO_SOFFICE 指向的 ${pointed} 不存在或不可执行）` : '';
    return fail(
      'cannot-convert',
      `读取旧版 .doc/.xls/.wps/.et 文件需要 LibreOffice，但服务器上没有找到 soffice${where}：请管理员安装（apt-get install ${SOFFICE_PACKAGES}），或${SAVE_AS}`,
      `LibreOffice (soffice) is not installed; apt-get install ${SOFFICE_PACKAGES}, or save the file as .docx/.xlsx`,
    );
  }
  const converted = await convertWithSoffice(soffice, bytes, target, options.timeoutMs ?? CONVERT_TIMEOUT_MS);
  if (!converted.ok) {
    const seconds = Math.round((options.timeoutMs ?? CONVERT_TIMEOUT_MS) / 1000);
    if (converted.reason === 'timeout') {
      return fail('cannot-convert', `用 LibreOffice 转换此文件超过 ${seconds} 秒仍未完成，已停止：请${SAVE_AS}`, `LibreOffice did not finish converting within ${seconds} s`);
    }
    const what = target === 'docx' ? 'Word' : 'Excel';
    return fail('cannot-convert', `LibreOffice 无法把此文件转换为 ${what} 文件（文件可能已损坏、设置了密码或不是 Office 文件）：请${SAVE_AS}`, `LibreOffice failed to convert the file to .${target}: ${converted.detail}`);
  }
  const read = target === 'docx' ? readDocxLayout(converted.bytes, fileName, limits) : readXlsxLayout(converted.bytes, fileName, limits);
  return read;
}

/** soffice from JIXIAO_SOFFICE (when set, that path only) or the first executable `soffice` on PATH; null when none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const pointed = env.JIXIAO_SOFFICE;
  if (pointed) return executable(pointed) ? pointed : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    if (executable(candidate)) return candidate;
  }
  return null;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function targetByExtension(fileName: string): 'docx' | 'xlsx' | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'doc' || ext === 'wps' || ext === 'dot' || ext === 'wpt') return 'docx';
  if (ext === 'xls' || ext === 'et' || ext === 'xlt' || ext === 'ett') return 'xlsx';
  return null;
}

/**
 * Tells Word, Excel and an encrypted OOXML package apart by the stream names in the compound file's directory,
 * without following its sector chains: a directory entry is 128 bytes, starts on a 128-byte boundary (the header
 * and both sector sizes are multiples of 128), holds its name in UTF-16LE and, at offset 64, the name's length in
 * bytes with the terminator, and at 66 its type (2 = stream). A name found that way is a directory entry.
 */
export function oleKind(bytes: Uint8Array): OleKind {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = (bytes[at + 64] ?? 0) | ((bytes[at + 65] ?? 0) << 8);
    const type = bytes[at + 66];
    if (type !== 1 && type !== 2) continue;
    if (length < 4 || length > 64 || length % 2 !== 0) continue;
    if (bytes[at + length - 2] !== 0 || bytes[at + length - 1] !== 0) continue;
    let name = '';
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode((bytes[at + i] ?? 0) | ((bytes[at + i + 1] ?? 0) << 8));
    names.add(name);
  }
  if (names.has('EncryptionInfo') && names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('WordDocument')) return 'word';
  if (names.has('Workbook') || names.has('Book')) return 'excel';
  if (names.has('PowerPoint Document')) return 'powerpoint';
  return 'unknown';
}

type Converted = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'timeout' | 'failed'; detail: string };

/** Runs one `soffice --convert-to` in a temp directory of its own, removed afterwards. */
export async function convertWithSoffice(soffice: string, bytes: Uint8Array, target: 'docx' | 'xlsx', timeoutMs: number): Promise<Converted> {
  let base: string | undefined;
  try {
    base = await mkdtemp(join(tmpdir(), 'jixiao-lo-'));
    const outDir = join(base, 'out');
    await mkdir(outDir);
    // LibreOffice detects the format from the content; the extension only has to be one it opens.
    const input = join(base, target === 'docx' ? 'input.doc' : 'input.xls');
    await writeFile(input, bytes);
    const filter = target === 'docx' ? 'docx:MS Word 2007 XML' : 'xlsx:Calc MS Excel 2007 XML';
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${join(base, 'profile')}`, '--convert-to', filter, '--outdir', outDir, input];
    const run = await runWithTimeout(soffice, args, timeoutMs);
    if (run.timedOut) return { ok: false, reason: 'timeout', detail: `killed after ${timeoutMs} ms` };
    let out: Buffer;
    try {
      out = await readFile(join(outDir, `input.${target}`));
    } catch {
      const said = (run.stderr || run.stdout).trim().split('\n').slice(-2).join(' ').slice(0, 200);
      return { ok: false, reason: 'failed', detail: `no output (exit ${run.code ?? run.signal ?? '?'})${said ? `: ${said}` : ''}` };
    }
    return { ok: true, bytes: new Uint8Array(out) };
  } catch (err) {
    return { ok: false, reason: 'failed', detail: (err as Error).message.slice(0, 200) };
  } finally {
    if (base) await rm(base, { recursive: true, force: true }).catch(() => undefined);
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** The last few KB of what a process printed: enough to say why it failed. */
function keep(s: string, chunk: Buffer): string {
  return (s + chunk.toString('utf8')).slice(-4000);
}

/** Spawns in a process group of its own so that a timeout kills soffice.bin too, not only the launcher. */
function runWithTimeout(command: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: process.env.HOME ?? tmpdir() } });
    child.stdout?.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
    child.stderr?.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, timedOut, stdout, stderr: `${stderr}${err.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Whatever the launcher left running in its group (a stuck soffice.bin) goes with it.
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group is already gone
        }
      }
      resolve({ code, signal, timedOut, stdout, stderr });
    });
  });
}
