@NullMarked
package org.kglab.graph;

import org.jspecify.annotations.NullMarked;
