@NullMarked
package org.kglab.platform;

import org.jspecify.annotations.NullMarked;
