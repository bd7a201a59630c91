package io.invicta.rules;

import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.util.ClassForNameProvider;
import com.espertech.esper.common.client.util.EventUnderlyingType;
import com.espertech.esper.common.client.util.NameAccessModifier;
import org.apache.avro.specific.SpecificRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one Esper configuration rules are compiled and run with: the Avro event types under their own
 * names, the domain functions, no internal timer (the clock is event time, advanced by the caller),
 * no inlined classes, no subscribers, no default imports, and a class loader fence that refuses the
 * classes a rule must never reach even if a call slipped past the {@link Sandbox}.
 */
public final class EsperConfiguration {

    private static final Set<String> FORBIDDEN_PREFIXES =
            Set.of(
                    "java.lang.System",
                    "java.lang.Runtime",
                    "java.lang.ProcessBuilder",
                    "java.lang.Process",
                    "java.lang.Thread",
                    "java.lang.ClassLoader",
                    "java.lang.reflect.",
                    "java.lang.invoke.",
                    "java.io.",
                    "java.nio.",
                    "java.net.",
                    "javax.script.",
                    "sun.",
                    "jdk.internal.");

    private EsperConfiguration() {}

    public static Configuration create() {
        Configuration configuration = new Configuration();
        for (Map.Entry<String, Class<? extends SpecificRecord>> type :
                EventTypes.readable().entrySet()) {
            configuration.getCommon().addEventType(type.getKey(), type.getValue());
        }
        // Esper imports java.lang.*, java.util.*, java.text.* and java.math.* by default: keep only
        // its own packages.
        configuration.getCommon().getImports().removeIf(i -> i.startsWith("java"));
        configuration.getCommon().addImport(Math.class);
        for (String function : Sandbox.FUNCTIONS) {
            configuration
                    .getCompiler()
                    .addPlugInSingleRowFunction(function, RuleFunctions.class.getName(), function);
        }
        configuration.getCompiler().getByteCode().setAllowInlinedClass(false);
        configuration.getCompiler().getByteCode().setAllowSubscriber(false);
        configuration.getCompiler().getByteCode().setAttachEPL(true);
        // Events declared in rule text (create schema, create window, insert into) as object
        // arrays: a property
        // read is an array index and an update copies an array, where the Map default hashes and
        // copies a HashMap.
        configuration
                .getCommon()
                .getEventMeta()
                .setDefaultEventRepresentation(EventUnderlyingType.OBJECTARRAY);
        // Every module is compiled alone and runs in a runtime of its own, so a public named window
        // is seen by nothing but its module and by the rule operator, which reads and restores the
        // rows of a module recovered from its windows (RuleRuntime#windowRows).
        configuration
                .getCompiler()
                .getByteCode()
                .setAccessModifierNamedWindow(NameAccessModifier.PUBLIC);
        configuration.getRuntime().getThreading().setInternalTimerEnabled(false);
        configuration.getRuntime().getExecution().setPrioritized(true);
        // One thread drives a runtime (RuleRuntime is not thread-safe): Esper's statement locks and
        // the latches
        // that keep listener, insert-into and named-window dispatch in order across threads only
        // cost time here.
        configuration.getRuntime().getExecution().setDisableLocking(true);
        configuration.getRuntime().getThreading().setListenerDispatchPreserveOrder(false);
        configuration.getRuntime().getThreading().setInsertIntoDispatchPreserveOrder(false);
        configuration
                .getRuntime()
                .getThreading()
                .setNamedWindowConsumerDispatchPreserveOrder(false);
        Map<String, Object> transients = new HashMap<>();
        transients.put(
                ClassForNameProvider.NAME, (ClassForNameProvider) EsperConfiguration::classForName);
        configuration.getCommon().setTransientConfiguration(transients);
        return configuration;
    }

    private static Class<?> classForName(String name) throws ClassNotFoundException {
        for (String prefix : FORBIDDEN_PREFIXES) {
            if (name.startsWith(prefix)) {
                throw new ClassNotFoundException(
                        "class " + name + " is not available to rules (sandbox)");
            }
        }
        return Class.forName(
                name,
                true,
                Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader()
                        : EsperConfiguration.class.getClassLoader());
    }
}
