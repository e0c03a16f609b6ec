import { isServerUnavailable, SmtpOutage } from './smtp-outage';

describe('isServerUnavailable', () => {
  it('takes no answer and a refused login for the server being unavailable', () => {
    expect(isServerUnavailable({ reason: 'connect ECONNREFUSED 127.0.0.1:25' })).toBe(true);
    expect(isServerUnavailable({ reason: 'Greeting never received' })).toBe(true);
    expect(isServerUnavailable({ responseCode: 535, loginRefused: true, reason: '535 bad login' })).toBe(
      true,
    );
  });

  it("leaves a refusal of one email, temporary or not, to that email's retries", () => {
    expect(isServerUnavailable({ responseCode: 421, reason: '421 try again later' })).toBe(false);
    expect(isServerUnavailable({ responseCode: 451, reason: '451 greylisted' })).toBe(false);
    expect(isServerUnavailable({ responseCode: 550, reason: '550 no such user' })).toBe(false);
  });
});

describe('SmtpOutage', () => {
  const pause = { initialDelayMs: 1_000, maxDelayMs: 8_000 };
  let now: number;
  // The upper end of the jitter: each pause is its full ceiling.
  const outage = () =>
    new SmtpOutage(
      pause,
      () => now,
      () => 1,
    );

  beforeEach(() => {
    now = 0;
  });

  it('lets every lane send while the server answers', () => {
    const smtp = outage();
    expect([smtp.permit(), smtp.permit()]).toEqual(['send', 'send']);
    expect(smtp.serverAnswered()).toBeUndefined();
    expect(smtp.ongoing).toBe(false);
  });

  it('makes everyone wait out the pause, then lets one probe through', () => {
    const smtp = outage();
    expect(smtp.serverUnavailable()).toBe(1_000);

    now = 999;
    expect(smtp.permit()).toBe('wait');
    now = 1_000;
    expect([smtp.permit(), smtp.permit(), smtp.permit()]).toEqual(['probe', 'wait', 'wait']);
  });

  it('doubles the pause each time a probe finds the server still away, up to the maximum', () => {
    const smtp = outage();
    const pauses = [smtp.serverUnavailable()];
    for (let probe = 1; probe <= 4; probe += 1) {
      now += pauses[pauses.length - 1] ?? 0;
      expect(smtp.permit()).toBe('probe');
      pauses.push(smtp.serverUnavailable());
    }
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('counts the failures of the emails other lanes had in flight when the server went as one', () => {
    const smtp = outage();
    expect(smtp.serverUnavailable()).toBe(1_000);
    now = 300;
    expect([smtp.serverUnavailable(), smtp.serverUnavailable()]).toEqual([700, 700]);
    now = 1_000;
    expect(smtp.permit()).toBe('probe');
    expect(smtp.serverUnavailable()).toBe(2_000);
  });

  it('draws each pause between half and all of its ceiling', () => {
    const smtp = new SmtpOutage(
      pause,
      () => now,
      () => 0,
    );
    expect(smtp.serverUnavailable()).toBe(500);
  });

  it('offers another probe when one never reports, after as long again', () => {
    const smtp = outage();
    smtp.serverUnavailable();
    now = 1_000;
    expect(smtp.permit()).toBe('probe');
    now = 1_999;
    expect(smtp.permit()).toBe('wait');
    now = 2_000;
    expect(smtp.permit()).toBe('probe');
  });

  it('ends the outage at the first answer, saying how long it lasted', () => {
    const smtp = outage();
    smtp.serverUnavailable();
    now = 1_000;
    smtp.permit();
    smtp.serverUnavailable();
    now = 3_500;
    expect(smtp.serverAnswered()).toBe(3_500);
    expect(smtp.permit()).toBe('send');
    // The next outage starts from the first pause again.
    expect(smtp.serverUnavailable()).toBe(1_000);
  });
});
