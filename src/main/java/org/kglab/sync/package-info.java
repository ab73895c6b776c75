@NullMarked
package org.kglab.sync;

import org.jspecify.annotations.NullMarked;
