package org.yiwang.registry;

/** How many approved entities are registered in the deployment's city, and how many outside it. */
public record Locality(long local, long nonLocal) {
}
