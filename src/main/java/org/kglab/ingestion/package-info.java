@NullMarked
package org.kglab.ingestion;

import org.jspecify.annotations.NullMarked;
