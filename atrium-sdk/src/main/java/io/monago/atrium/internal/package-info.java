/**
 * Implementation of the SDK. Not public API: anything here may change in any release without
 * notice. Users need none of it.
 */
package io.monago.atrium.internal;
