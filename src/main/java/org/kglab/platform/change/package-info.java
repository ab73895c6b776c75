/**
 * The change contract between the features that own data and whatever keeps a copy of it elsewhere (docs/adr/0003):
 * features publish {@link org.kglab.platform.change.Change}s here without knowing who follows them.
 */
@NullMarked
package org.kglab.platform.change;

import org.jspecify.annotations.NullMarked;
