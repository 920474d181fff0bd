import { ClassArchiveFile } from './archive/archive-file.entity';
import { ClassSession, TrainingClass } from './class.entity';

export const CLASSES_ENTITIES = [TrainingClass, ClassSession, ClassArchiveFile];
