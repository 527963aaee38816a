package org.yiwang.demo;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Puts every demo runner ({@code ApplicationRunner} in {@code org.yiwang.demo} and below, another module's
 * {@code <Module>Demo} included) under {@link DemoSeeding}: its start-up run is timed and its outcome recorded by bean
 * name, and a failure is recorded instead of stopping the platform. Done once here rather than in each runner, so a
 * new runner cannot forget it.
 */
@Component
@DemoOn
class DemoRunnerWatch implements BeanPostProcessor {

	private final ObjectProvider<DemoSeeding> seeding;

	DemoRunnerWatch(ObjectProvider<DemoSeeding> seeding) {
		this.seeding = seeding;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof ApplicationRunner)
				|| !AopUtils.getTargetClass(bean).getPackageName().startsWith("org.yiwang.demo")) {
			return bean;
		}
		MethodInterceptor watch = invocation -> {
			if (!invocation.getMethod().getName().equals("run") || invocation.getArguments().length != 1
					|| !(invocation.getArguments()[0] instanceof ApplicationArguments)) {
				return invocation.proceed();
			}
			seeding.getObject().run(beanName, () -> {
				try {
					invocation.proceed();
				}
				catch (Exception | Error e) {
					throw e;
				}
				catch (Throwable other) {
					throw new IllegalStateException(other);
				}
			});
			return null;
		};
		if (bean instanceof Advised advised && !advised.isFrozen()) {
			advised.addAdvice(0, watch);
			return bean;
		}
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(watch);
		return proxy.getProxy(AopUtils.getTargetClass(bean).getClassLoader());
	}
}
