@NullMarked
package org.kglab.documents;

import org.jspecify.annotations.NullMarked;
