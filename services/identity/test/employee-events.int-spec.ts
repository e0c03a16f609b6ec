import { ConfigResourceTypes, type KafkaMessage } from 'kafkajs';
import { Topics, type EmployeeRecordV1, type EmployeeView, type EventData } from '@vouch/contracts';
import { readTopic, testInfrastructure, testKafka } from '@vouch/testing';
import { SCIM_ACTOR } from '../src/audit/domain/audit-entry';
import { ChangeEmployeeEmail } from '../src/employees/application/change-employee-email.use-case';
import { EmailTakenError } from '../src/employees/domain/employee.errors';
import { IdentityApp, newEmail } from './identity-app';

const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

describe('the events identity publishes', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_events');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it("tells the others of an employee's registration, profile, manager and deactivation, in order", async () => {
    const admin = await identity.admin();
    const boss = await identity.register({ name: 'Rui Costa' });
    const ana = await identity.register({ email: `  ANA.${Date.now()}@Acme.com `, title: 'Engineer' });
    await identity.call('PUT', `/v1/employees/${ana.id}/manager`, {
      token: admin.token,
      body: { managerId: boss.id },
    });
    await identity.call('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { headline: 'Makes payments boring', timeZone: 'Europe/Lisbon', skills: ['Go'] },
    });
    await identity.call('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { headline: 'Makes payments boring' },
    });
    await identity.call('PUT', `/v1/employees/${ana.id}/manager`, {
      token: admin.token,
      body: { managerId: null },
    });
    await identity.call('POST', `/v1/employees/${ana.id}/deactivate`, { token: admin.token });
    await identity.call('POST', `/v1/employees/${ana.id}/deactivate`, { token: admin.token });

    // The admin's and the boss's registrations, then Ana's five events, a manager change in both
    // of its versions: a change that changes nothing and a second deactivation publish nothing.
    const messages = await readTopic(
      testInfrastructure().kafkaBrokers,
      `${identity.topicPrefix}${Topics.employees}`,
      9,
    );
    const anas = messages.filter((message) => message.key?.toString() === ana.id);
    expect(
      anas.map((message) => `${header(message, 'ce_type')}.v${header(message, 'ce_schemaversion')}`),
    ).toEqual([
      'EmployeeRegistered.v1',
      'EmployeeManagerChanged.v1',
      'EmployeeManagerChanged.v2',
      'EmployeeProfileUpdated.v1',
      'EmployeeManagerChanged.v1',
      'EmployeeManagerChanged.v2',
      'EmployeeDeactivated.v1',
    ]);
    const [registered, managerSet, managerSetV2, updated, managerChanged, managerChangedV2, deactivated] =
      anas.map((message) => JSON.parse(String(message.value)));
    expect(header(anas[2], 'ce_id')).toBe(header(anas[1], 'ce_id'));
    expect(registered).toEqual({
      employeeId: ana.id,
      email: ana.email,
      name: 'Ana Lima',
      title: 'Engineer',
      managerId: null,
      managerSource: null,
      timeZone: null,
      language: null,
      registeredAt: expect.any(String),
    });
    expect(managerSet).toEqual({
      employeeId: ana.id,
      managerId: boss.id,
      previousManagerId: null,
      changedAt: expect.any(String),
    });
    expect(managerSetV2).toEqual({ ...managerSet, managerSource: 'admin' });
    expect(updated).toEqual({
      employeeId: ana.id,
      name: 'Ana Lima',
      title: 'Engineer',
      headline: 'Makes payments boring',
      timeZone: 'Europe/Lisbon',
      language: null,
      completeness: 35,
      changedFields: ['headline', 'timeZone', 'skills'],
      updatedAt: expect.any(String),
    });
    expect(managerChanged).toEqual({
      employeeId: ana.id,
      managerId: null,
      previousManagerId: boss.id,
      changedAt: expect.any(String),
    });
    expect(managerChangedV2).toEqual({ ...managerChanged, managerSource: null });
    expect(deactivated).toEqual({ employeeId: ana.id, deactivatedAt: expect.any(String) });
    expect(header(anas[0], 'ce_source')).toBe('/vouch/identity');
    expect(header(anas[0], 'ce_subject')).toBe(ana.id);
  });
});

describe("identity's compacted topic of employee records", () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_records');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it("keeps every employee's current record, enough to build a replica from it alone", async () => {
    const admin = await identity.admin();
    const boss = await identity.register({ name: 'Rui Costa', title: 'Head of payments' });
    const ana = await identity.register({ name: 'Ana Lima' });
    const ben = await identity.register({ name: 'Ben Okafor' });
    await identity.call('PUT', `/v1/employees/${ana.id}/manager`, {
      token: admin.token,
      body: { managerId: boss.id },
    });
    await identity.call('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { title: 'Staff engineer', location: 'Lisbon', timeZone: 'Europe/Lisbon' },
    });
    await identity.call('PUT', `/v1/employees/${ben.id}/manager`, {
      token: admin.token,
      body: { managerId: boss.id },
    });
    await identity.call('POST', `/v1/employees/${ben.id}/deactivate`, { token: admin.token });

    // A consumer that knows nothing else reads the topic from its start, keeping the last record
    // of each key: four registrations, Ana's manager and profile, Ben's manager and deactivation.
    const topic = `${identity.topicPrefix}${Topics.employeeRecords}`;
    const records = await readTopic(testInfrastructure().kafkaBrokers, topic, 8);
    const replica = new Map<string, EventData<typeof EmployeeRecordV1>>();
    for (const message of records) {
      expect(header(message, 'ce_type')).toBe('EmployeeRecord');
      replica.set(String(message.key), JSON.parse(String(message.value)));
    }

    expect([...replica.keys()].sort()).toEqual([admin.id, boss.id, ana.id, ben.id].sort());
    for (const employee of [admin, boss, ana, ben]) {
      const { body: profile } = await identity.call<EmployeeView>('GET', `/v1/employees/${employee.id}`, {
        token: boss.token,
      });
      expect(replica.get(employee.id)).toEqual({
        employeeId: profile.id,
        email: profile.email,
        name: profile.name,
        title: profile.title,
        headline: profile.headline,
        location: profile.location,
        timeZone: profile.timeZone,
        language: profile.language,
        managerId: profile.managerId,
        managerSource: profile.managerSource,
        active: profile.active,
        completeness: profile.completeness,
        registeredAt: profile.registeredAt,
        deactivatedAt: employee === ben ? expect.any(String) : null,
        updatedAt: expect.any(String),
      });
    }
    expect(replica.get(ana.id)).toMatchObject({ title: 'Staff engineer', managerId: boss.id });
    expect(replica.get(ben.id)).toMatchObject({ managerId: boss.id, active: false });

    const kafkaAdmin = testKafka(testInfrastructure().kafkaBrokers).admin();
    await kafkaAdmin.connect();
    try {
      const described = await kafkaAdmin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
      });
      const config = Object.fromEntries(
        described.resources[0].configEntries.map((entry) => [entry.configName, entry.configValue]),
      );
      expect(config).toMatchObject({ 'cleanup.policy': 'compact', 'max.compaction.lag.ms': '604800000' });
    } finally {
      await kafkaAdmin.disconnect();
    }
  });
});

/** Of the first `count` messages on one of identity's topics, those about one employee. */
async function messagesAbout(
  identity: IdentityApp,
  topic: string,
  count: number,
  employeeId: string,
): Promise<KafkaMessage[]> {
  const messages = await readTopic(
    testInfrastructure().kafkaBrokers,
    `${identity.topicPrefix}${topic}`,
    count,
  );
  return messages.filter((message) => message.key?.toString() === employeeId);
}

describe('the event identity publishes when an offboarded employee comes back', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_reactivation');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('tells the others once, with their record active again', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    await identity.call('POST', `/v1/employees/${ana.id}/deactivate`, { token: admin.token });
    await identity.call('POST', `/v1/employees/${ana.id}/reactivate`, { token: admin.token });
    await identity.call('POST', `/v1/employees/${ana.id}/reactivate`, { token: admin.token });

    // The admin's registration, then Ana's three events: reactivating an active employee publishes
    // nothing.
    const anas = await messagesAbout(identity, Topics.employees, 4, ana.id);
    expect(anas.map((message) => header(message, 'ce_type'))).toEqual([
      'EmployeeRegistered',
      'EmployeeDeactivated',
      'EmployeeReactivated',
    ]);
    expect(JSON.parse(String(anas[2].value))).toEqual({
      employeeId: ana.id,
      reactivatedAt: expect.any(String),
    });
    const records = await messagesAbout(identity, Topics.employeeRecords, 4, ana.id);
    expect(JSON.parse(String(records.at(-1)?.value))).toMatchObject({
      employeeId: ana.id,
      active: true,
      deactivatedAt: null,
    });
  });
});

describe('the event identity publishes when an employee changes email', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_email_change');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('moves them to the new email: they sign in with it, and the others are told the old and new', async () => {
    const ben = await identity.register();
    const bea = await identity.register();
    const changeEmail = identity.get(ChangeEmployeeEmail);
    const email = newEmail();

    const changed = await changeEmail.execute({
      employeeId: ben.id,
      email: `  ${email.toUpperCase()} `,
      actor: SCIM_ACTOR,
    });
    await changeEmail.execute({ employeeId: ben.id, email, actor: SCIM_ACTOR });
    await expect(
      changeEmail.execute({ employeeId: ben.id, email: bea.email, actor: SCIM_ACTOR }),
    ).rejects.toThrow(EmailTakenError);

    expect(changed.snapshot().email).toBe(email);
    expect((await identity.login(email, ben.password)).status).toBe(200);
    expect((await identity.login(ben.email, ben.password)).status).toBe(401);
    // Ben's and Bea's registrations and Ben's one email change: the same email again and a taken
    // one publish nothing.
    const bens = await messagesAbout(identity, Topics.employees, 3, ben.id);
    expect(bens.map((message) => header(message, 'ce_type'))).toEqual([
      'EmployeeRegistered',
      'EmployeeEmailChanged',
    ]);
    expect(JSON.parse(String(bens[1].value))).toEqual({
      employeeId: ben.id,
      email,
      previousEmail: ben.email,
      changedAt: expect.any(String),
    });
    const records = await messagesAbout(identity, Topics.employeeRecords, 3, ben.id);
    expect(JSON.parse(String(records.at(-1)?.value))).toMatchObject({ employeeId: ben.id, email });
  });
});
