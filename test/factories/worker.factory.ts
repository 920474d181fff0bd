import { makeIdNumber, OrgUnit, Worker } from '@peixun/org';
import { DataSource } from 'typeorm';

let counter = Math.floor(Math.random() * 100_000);

/** A fresh valid ID number: area 110101, a birth date and sequence that differ on every call. */
export function anIdNumber(): string {
  counter++;
  const year = 1960 + (counter % 40);
  const day = 1 + (Math.floor(counter / 40) % 28);
  const month = 1 + (Math.floor(counter / 1120) % 12);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return makeIdNumber('110101', birth, Math.floor(counter / 13440) + (counter % 997));
}

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

  async create(ds: DataSource): Promise<Worker> {
    if (!this.community) throw new Error('aWorker() needs inCommunity(c)');
    const idNumber = anIdNumber();
    const { birthDateFromId, genderFromId } = await import('@peixun/org');
    return ds.getRepository(Worker).save({
      ...this.fields,
      idNumber,
      birthDate: birthDateFromId(idNumber)!,
      gender: genderFromId(idNumber),
      communityId: this.community.id,
      streetId: this.community.streetId!,
      districtId: this.community.districtId!,
    });
  }
}

export const aWorker = (): WorkerBuilder => new WorkerBuilder();
