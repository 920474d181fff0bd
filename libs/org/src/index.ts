export * from './org-unit.entity';
export * from './org.module';
export * from './org-scope.resolver';
export * from './entities';
export * from './demo/demo-seed.service';
export * from './demo/demo-data';
