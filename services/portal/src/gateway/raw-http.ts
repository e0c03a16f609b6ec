import net from 'node:net';

/**
 * Writes bytes to a server as they are, with no HTTP client in between to tidy them, and resolves
 * with whatever came back once the server closes the connection or `timeoutMs` passes. For tests.
 */
export function rawExchange(
  port: number,
  bytes: string | Buffer | Array<string | Buffer>,
  options: { timeoutMs?: number; pauseMs?: number } = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ port, host: '127.0.0.1' });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      const parts = Array.isArray(bytes) ? bytes : [bytes];
      const writeNext = (index: number) => {
        if (index >= parts.length || socket.destroyed) return;
        const part = parts[index];
        if (part !== undefined) socket.write(part, () => undefined);
        if (options.pauseMs) setTimeout(() => writeNext(index + 1), options.pauseMs);
        else writeNext(index + 1);
      };
      writeNext(0);
    });
  });
}
