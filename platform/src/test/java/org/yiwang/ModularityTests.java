package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(YiwangApplication.class);

	@Test
	void modules_depend_only_on_each_others_published_api_without_cycles() {
		modules.verify();
	}

	@Test
	void no_module_depends_on_the_demo_module() {
		assertThat(modules.getModuleByName("demo")).as("the demo module exists").isPresent();
		assertThat(modules.stream().filter(m -> !m.getName().equals("demo"))
			.filter(m -> m.getAllDependencies(modules).containsModuleNamed("demo")).map(m -> m.getName()))
			.as("modules that depend on demo: production must run without it (yiwang.demo=false)").isEmpty();
	}

	@Test
	void writes_module_documentation() throws Exception {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml().writeModuleCanvases();
		Path docs = Path.of("target", "spring-modulith-docs");
		assertThat(docs.resolve("components.puml")).exists();
		assertThat(Files.readString(docs.resolve("components.puml"))).contains("Catalog", "Account", "Audit");
	}
}
