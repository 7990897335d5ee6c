import type { ResolvedConfig } from '../config/load';
import { cacheResources, cacheXrd } from './cache';
import { databaseResources, databaseXrd } from './database';
import { eksResources, eksXrd } from './eks';
import { workloadIdentityResources, workloadIdentityXrd } from './identity';
import { networkResources, networkXrd } from './network';
import { registrationResources, registrationXrd } from './registration';
import {
  bucketResources,
  bucketXrd,
  fileSystemResources,
  fileSystemXrd,
  registryResources,
  registryXrd,
} from './storage';
import type { ComposedResource, XrdSpec } from './xr';

/** One lab API: its XRD and the resources its Composition composes (unrolled from the profile). */
export interface LabApi {
  xrd: XrdSpec;
  resources: (config: ResolvedConfig) => ComposedResource[];
}

/** Every API the lab defines, in the order a reader follows a request (network first). */
export const labApis: readonly LabApi[] = [
  { xrd: networkXrd, resources: networkResources },
  { xrd: eksXrd, resources: eksResources },
  { xrd: workloadIdentityXrd, resources: workloadIdentityResources },
  { xrd: databaseXrd, resources: databaseResources },
  { xrd: cacheXrd, resources: cacheResources },
  { xrd: bucketXrd, resources: bucketResources },
  { xrd: fileSystemXrd, resources: fileSystemResources },
  { xrd: registryXrd, resources: registryResources },
  { xrd: registrationXrd, resources: () => registrationResources() },
];
