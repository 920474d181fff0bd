import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PolicyController } from './policy.controller';
import { PolicyStore } from './policy-store.service';
import { TrainingPolicyRow } from './training-policy.entity';

/** The stored, versioned policies; the rules themselves are the pure functions of policy.rules.ts. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([TrainingPolicyRow])],
  controllers: [PolicyController],
  providers: [PolicyStore],
  exports: [PolicyStore],
})
export class PolicyModule {}
