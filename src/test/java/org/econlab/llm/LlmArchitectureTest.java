package org.econlab.llm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Design note 6: langchain4j stays behind our port, inside its adapter. */
class LlmArchitectureTest {

    @Test
    void onlyTheAdapterSeesLangchain4j() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.econlab");
        noClasses().that().doNotHaveFullyQualifiedName(LangchainGateway.class.getName())
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
                .check(classes);
    }
}
