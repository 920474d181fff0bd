import { makeIdNumber, OrgUnit, sealIdNumber, sealPhone, Worker } from '@peixun/org';
import { testCipher } from '../support/pii';
import { DataSource } from 'typeorm';

// Each test file gets its own random area code, and within a file every call gets its own
// (birth date, sequence) pair, so ID numbers never collide within a file and almost never
// across the files that share the test database.
const AREA = `1${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;
let counter = 0;

/** A fresh valid ID number, different on every call. */
export function anIdNumber(): string {
  counter++;
  const birth = new Date(Date.UTC(1960, 0, 1) + (counter % 16_000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  return makeIdNumber(AREA, birth, Math.floor(counter / 16_000) % 1000);
}

/** A saved worker with its plaintext ID number and phone (for assertions). */
export type TestWorker = Worker & { idNumber: string; phone: string | null };

/** Builder: `aWorker().inCommunity(c).recruitedCitywide().create(ds)`. */
export class WorkerBuilder {
  private readonly fields: Partial<Worker> = {
    name: `测试${Math.random().toString(36).slice(2, 6)}`,
    positionTier: 'staff',
    entryChannel: 'recruited_other',
    startedOn: '2018-03-01',
    qualification: 'none',
    status: 'active',
  };
  private community: OrgUnit | undefined;
  private phone: string | null = null;

  named(name: string): this {
    this.fields.name = name;
    return this;
  }
  inCommunity(c: OrgUnit): this {
    this.community = c;
    return this;
  }
  recruitedCitywide(): this {
    this.fields.entryChannel = 'recruited_citywide';
    return this;
  }
  head(): this {
    this.fields.positionTier = 'head';
    this.fields.post = 'party_secretary';
    return this;
  }

  /** Any other column (tier, channel, startedOn, qualification, status …). */
  with(
    fields: Partial<
      Pick<
        Worker,
        'positionTier' | 'post' | 'entryChannel' | 'startedOn' | 'qualification' | 'status' | 'name'
      >
    >,
  ): this {
    Object.assign(this.fields, fields);
    return this;
  }

  withPhone(phone: string): this {
    this.phone = phone;
    return this;
  }

  /** Saves the worker (ID number and phone sealed, as the API stores them); returns the plaintext too. */
  async create(ds: DataSource): Promise<TestWorker> {
    if (!this.community) throw new Error('aWorker() needs inCommunity(c)');
    const idNumber = anIdNumber();
    const { birthDateFromId, genderFromId } = await import('@peixun/org');
    const saved = await ds.getRepository(Worker).save({
      ...this.fields,
      ...sealIdNumber(testCipher(), idNumber),
      ...sealPhone(testCipher(), this.phone),
      birthDate: birthDateFromId(idNumber)!,
      gender: genderFromId(idNumber),
      communityId: this.community.id,
      streetId: this.community.streetId!,
      districtId: this.community.districtId!,
    });
    return Object.assign(saved, { idNumber, phone: this.phone });
  }
}

export const aWorker = (): WorkerBuilder => new WorkerBuilder();
