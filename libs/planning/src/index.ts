export * from './entities';
export * from './planning.module';
export * from './institutions/institution.entity';
export * from './institutions/institution.rules';
export * from './institutions/institutions.service';
