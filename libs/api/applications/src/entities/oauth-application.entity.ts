import type { GrantType, JwkSet, TokenEndpointAuthMethod } from '@keyhouse/shared-contracts';
import { CustomerUser, Organization, User } from '@keyhouse/api-identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ClientSecret } from './client-secret.entity';

/** Stored sorted and comma-joined in a short indexed column, so `grant` filters stay cheap. */
const grantList = {
  to: (grants: GrantType[]) => [...grants].sort().join(','),
  from: (stored: string) => (stored ? (stored.split(',') as GrantType[]) : []),
};

@Entity('oauth_applications')
// The grid sorts by these columns; with the organization in the index, a page's ids are read
// from the index alone, in order, however deep the page (see findPage's deferred join). Names
// are unique per organization; leading with the name lets the same index serve the sort, where
// (organizationId, name) would make MySQL sort every row of several organizations.
@Index('IDX_oauth_applications_name', ['name', 'organizationId'], { unique: true })
@Index('IDX_oauth_applications_created', ['createdAt', 'organizationId'])
@Index('IDX_oauth_applications_last_used', ['lastUsedAt', 'organizationId'])
// The dormancy check reads the warned applications whose grace period is over.
@Index('IDX_oauth_applications_dormant_warned', ['dormantWarnedAt'])
export class OAuthApplication {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  organizationId!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'varchar', length: 100, transformer: grantList })
  grants!: GrantType[];

  @Column({ type: 'boolean', default: false })
  frontend!: boolean;

  /** The back-office user a back-office application acts as. */
  @Index()
  @Column({ type: 'int', nullable: true })
  userId!: number | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User | null;

  /** The customer user a storefront application acts as. */
  @Index()
  @Column({ type: 'int', nullable: true })
  customerUserId!: number | null;

  @ManyToOne(() => CustomerUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerUserId' })
  customerUser?: CustomerUser | null;

  @Column({ type: 'boolean', default: true })
  confidential!: boolean;

  @Column({ type: 'simple-json' })
  redirectUris!: string[];

  @Column({ type: 'simple-json' })
  scopes!: string[];

  @Column({ type: 'int', nullable: true })
  accessTokenTtl!: number | null;

  @Column({ type: 'boolean', default: false })
  firstParty!: boolean;

  @Column({ type: 'boolean', default: false })
  allowPlainPkce!: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  installUrl!: string | null;

  @Column({ type: 'boolean', default: false })
  listed!: boolean;

  /** CIDR ranges client_credentials may be used from; null: from anywhere. */
  @Column({ type: 'simple-json', nullable: true })
  allowedIpRanges!: string[] | null;

  /**
   * How it proves itself at the token, revocation and introspection endpoints: a secret, an
   * assertion signed with its own key (private_key_jwt: no secret at all), or nothing (`none`, a
   * public client). Fixed at creation.
   */
  @Column({ type: 'varchar', length: 32, default: 'client_secret_basic' })
  tokenEndpointAuthMethod!: TokenEndpointAuthMethod;

  /** private_key_jwt: the public keys its assertions are verified with, unless `jwksUri` publishes them. */
  @Column({ type: 'simple-json', nullable: true })
  jwks!: JwkSet | null;

  /** private_key_jwt: where the client publishes its public keys (fetched and cached), unless `jwks` holds them. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  jwksUri!: string | null;

  @Column({ type: 'varchar', length: 32, unique: true })
  clientId!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  /**
   * When the owner was warned that the dormant application will be deactivated: set by exactly
   * one instance, so one mail goes out; cleared when the application gets a token again, or is
   * activated or deactivated.
   */
  @Column({ type: 'datetime', nullable: true })
  dormantWarnedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  createdBy!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'createdBy' })
  creator?: User | null;

  @OneToMany(() => ClientSecret, (secret) => secret.application)
  secrets?: ClientSecret[];
}
