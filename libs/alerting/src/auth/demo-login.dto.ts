import { ApiProperty } from '@nestjs/swagger';
import { Id } from '../api/validation';

export class DemoLoginBody {
  @ApiProperty({ maxLength: 64, example: 'rm-1' })
  @Id()
  staffId!: string;
}
