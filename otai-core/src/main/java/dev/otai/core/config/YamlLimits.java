package dev.otai.core.config;

/**
 * What one config file may hold, so that a hostile or broken file is refused within a second and in bounded
 * memory instead of hanging or exhausting the process. Generous for real configs (a few KiB, a dozen levels).
 *
 * @param maxBytes       the file's size in bytes
 * @param maxDepth       mappings and lists nested in each other
 * @param maxAliases     aliases ({@code *name}) in the file
 * @param maxValues      values (mappings, lists and scalars) in the tree with every alias expanded, which is what
 *                       the engine walks; a "billion laughs" file of a few hundred bytes stops here
 * @param maxScalarChars characters of one key or scalar value
 */
record YamlLimits(int maxBytes, int maxDepth, int maxAliases, long maxValues, int maxScalarChars) {

    static final YamlLimits DEFAULT = new YamlLimits(512 * 1024, 100, 500, 100_000, 256 * 1024);
}
