import { createTransport, type Transporter } from 'nodemailer';
import { SmtpSink } from '../src';

/** The sink as the bench and the fault tests use it: nodemailer's pooled transport, as notifications'. */
describe('SmtpSink', () => {
  let sink: SmtpSink;
  let transporter: Transporter;

  const send = (to: string, index: number, text = 'Ana Lima recommended you.\r\n') =>
    transporter.sendMail({
      from: 'vouch@vouch.localhost',
      to,
      subject: 'Ana Lima recommended you',
      text,
      html: `<p>${text}</p>`,
      messageId: `<message-${index}@vouch>`,
      headers: { 'X-Vouch-Event-Id': `event-${index}` },
    });

  beforeEach(async () => {
    sink = await SmtpSink.start();
    transporter = createTransport({ pool: true, url: sink.url, maxConnections: 4 });
  });

  afterEach(async () => {
    transporter.close();
    await sink.close();
  });

  it('receives each message once, named by its Message-ID and its event, over reused connections', async () => {
    const before = Date.now();
    const recipients = Array.from({ length: 40 }, (_, index) => `ben-${index}@acme.com`);
    const infos = await Promise.all(recipients.map((to, index) => send(to, index)));

    expect(infos.map((info) => info.accepted)).toEqual(recipients.map((to) => [to]));
    expect(sink.received).toHaveLength(40);
    const byMessageId = new Map(sink.received.map((message) => [message.messageId, message]));
    expect(byMessageId.get('<message-7@vouch>')).toEqual({
      to: 'ben-7@acme.com',
      messageId: '<message-7@vouch>',
      eventId: 'event-7',
      receivedAt: expect.any(Number),
    });
    expect(byMessageId.size).toBe(40);
    expect(sink.received.every((message) => message.receivedAt >= before)).toBe(true);
  });

  it('accepts at most acceptancesPerSecond messages a second over all its connections, then at once again', async () => {
    sink.faults.acceptancesPerSecond = 10;
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, index) => send(`ben-${index}@acme.com`, index)));
    const paced = Date.now() - started;

    sink.faults.acceptancesPerSecond = 0;
    const unpacedStart = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, index) => send(`ana-${index}@acme.com`, 8 + index)));

    // Eight acceptances 100 ms apart: 0.7 s at least, over the four connections.
    expect(paced).toBeGreaterThanOrEqual(700);
    expect(Date.now() - unpacedStart).toBeLessThan(700);
    expect(sink.received).toHaveLength(16);
  });

  it('ends a message at its lone dot, not at a body line that starts with one', async () => {
    await send('ben@acme.com', 1, '.\r\n..\r\n.not the end\r\n\r\n.\r\n');
    await send('ana@acme.com', 2, '');

    expect(sink.received.map((message) => [message.to, message.messageId])).toEqual([
      ['ben@acme.com', '<message-1@vouch>'],
      ['ana@acme.com', '<message-2@vouch>'],
    ]);
  });

  it('refuses a recipient for good with 550 and receives nothing for it', async () => {
    sink.faults.refusedRecipients.add('gone@acme.com');

    await expect(send('gone@acme.com', 1)).rejects.toMatchObject({ responseCode: 550 });
    await send('ben@acme.com', 2);

    expect(sink.received.map((message) => message.to)).toEqual(['ben@acme.com']);
    expect(sink.refusals).toEqual([{ to: 'gone@acme.com', code: 550, at: expect.any(Number) }]);
  });

  it('answers every nth recipient 421 and closes that connection, so the pool sends it again over another', async () => {
    sink.faults.temporaryRefusalEvery = 2;

    await send('ben@acme.com', 1);
    const retried = await send('ana@acme.com', 2);

    expect(retried.accepted).toEqual(['ana@acme.com']);
    expect(sink.received.map((message) => message.messageId)).toEqual([
      '<message-1@vouch>',
      '<message-2@vouch>',
    ]);
    expect(sink.refusals.map(({ to, code }) => ({ to, code }))).toEqual([{ to: 'ana@acme.com', code: 421 }]);
  });
});
