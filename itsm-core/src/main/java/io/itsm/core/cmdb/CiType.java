package io.itsm.core.cmdb;

/**
 * What kind of thing a {@link ConfigurationItem} is. Impact analysis reports the affected {@link
 * #BUSINESS_SERVICE business services} separately: they are what users see fail.
 */
public enum CiType {
  /** A service the business uses, such as the web shop or e-mail. */
  BUSINESS_SERVICE,
  /** An application or application component. */
  APPLICATION,
  /** A database or database cluster. */
  DATABASE,
  /** A physical server. */
  SERVER,
  /** A virtual machine. */
  VIRTUAL_MACHINE,
  /** A container or container platform. */
  CONTAINER,
  /** A router, switch, firewall, load balancer or access point. */
  NETWORK_DEVICE,
  /** Storage: a SAN, a NAS, a volume. */
  STORAGE,
  /** A service bought from a cloud provider. */
  CLOUD_SERVICE,
  /** A laptop, desktop or phone. */
  END_USER_DEVICE,
  /** Anything else. */
  OTHER;

  /**
   * Tells whether items of this type are business services.
   *
   * @return {@code true} for {@link #BUSINESS_SERVICE}
   */
  public boolean isService() {
    return this == BUSINESS_SERVICE;
  }
}
