import type { KafkaMessage } from 'kafkajs';
import { Topics } from '@vouch/contracts';
import { readTopic, testInfrastructure } from '@vouch/testing';
import { IdentityApp } from './identity-app';

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
    const ana = await identity.register({
      email: `  ANA.${Date.now()}@Acme.com `,
      title: 'Engineer',
      managerEmail: boss.email,
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

    // The admin's and the boss's registrations, then Ana's four events: a change that changes
    // nothing and a second deactivation publish nothing.
    const messages = await readTopic(
      testInfrastructure().kafkaBrokers,
      `${identity.topicPrefix}${Topics.employees}`,
      6,
    );
    const anas = messages.filter((message) => message.key?.toString() === ana.id);
    expect(anas.map((message) => header(message, 'ce_type'))).toEqual([
      'EmployeeRegistered',
      'EmployeeProfileUpdated',
      'EmployeeManagerChanged',
      'EmployeeDeactivated',
    ]);
    const [registered, updated, managerChanged, deactivated] = anas.map((message) =>
      JSON.parse(String(message.value)),
    );
    expect(registered).toEqual({
      employeeId: ana.id,
      email: ana.email,
      name: 'Ana Lima',
      title: 'Engineer',
      managerId: boss.id,
      timeZone: null,
      registeredAt: expect.any(String),
    });
    expect(updated).toEqual({
      employeeId: ana.id,
      name: 'Ana Lima',
      title: 'Engineer',
      headline: 'Makes payments boring',
      timeZone: 'Europe/Lisbon',
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
    expect(deactivated).toEqual({ employeeId: ana.id, deactivatedAt: expect.any(String) });
    expect(header(anas[0], 'ce_source')).toBe('/vouch/identity');
    expect(header(anas[0], 'ce_subject')).toBe(ana.id);
  });
});
