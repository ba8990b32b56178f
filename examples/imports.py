# Start-up benchmark script: the stdlib imports of a typical command-line tool, then one line of output.
import argparse
import collections
import dataclasses
import enum
import json
import logging
import pathlib
import re

print("imported", len([argparse, collections, dataclasses, enum, json, logging, pathlib, re]), "modules")
