@NullMarked
package org.kglab.identity;

import org.jspecify.annotations.NullMarked;
