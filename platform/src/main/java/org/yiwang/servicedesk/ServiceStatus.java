package org.yiwang.servicedesk;

public enum ServiceStatus {
	OPEN, DONE
}
