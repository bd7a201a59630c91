package io.invicta.jobs.cep;

import io.invicta.rules.RuleFile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule-set version as it travels through the job (packaged with it, or published on the rules
 * topic for hot reload) and as it is kept in the operator's state: the version and every module's
 * file name and text. A flat POJO so Flink serializes it without Kryo.
 */
public class RuleSetUpdate implements Serializable {

    private static final long serialVersionUID = 1L;

    public int version;
    public String[] names = new String[0];
    public String[] texts = new String[0];

    public RuleSetUpdate() {}

    public static RuleSetUpdate of(int version, List<RuleFile> files) {
        RuleSetUpdate update = new RuleSetUpdate();
        update.version = version;
        update.names = files.stream().map(RuleFile::name).toArray(String[]::new);
        update.texts = files.stream().map(RuleFile::text).toArray(String[]::new);
        return update;
    }

    public List<RuleFile> files() {
        List<RuleFile> files = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            files.add(new RuleFile(names[i], texts[i]));
        }
        return files;
    }
}
